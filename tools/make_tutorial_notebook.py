"""Write docs/notebooks/tutorial.ipynb from the cells below (run it after editing them).

The notebook is executed by the test suite (tests/test_notebook.py), so it never rots.
It reads real lists from ../shared/data when they are there, and the small fixtures
in tests/data otherwise, so it runs on any checkout.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "notebooks" / "tutorial.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        "# sanctionkit in a notebook\n\n"
        "Load the built-in dataset and a real list, link them, compare two versions of a "
        "list, and plot what is designated. Run it from the repository: it reads the real "
        "lists in `../shared/data` when they are there, and small fixtures otherwise.",
    ),
    (
        "code",
        "from pathlib import Path\n\n"
        "import matplotlib.pyplot as plt\n"
        "import pandas as pd\n\n"
        "import sanctionkit as sk\n\n"
        "root = Path.cwd()\n"
        "while not (root / 'pyproject.toml').exists() and root != root.parent:\n"
        "    root = root.parent\n"
        "shared = root.parent / 'shared' / 'data'\n"
        "fixtures = root / 'tests' / 'data'",
    ),
    ("markdown", "## The built-in dataset: the sanctions of 24 May 2024"),
    ("code", "ds = sk.builtin_dataset()\nds"),
    ("code", "ds.get('kp-ru-ammunition')"),
    (
        "markdown",
        "## A real list\n\nOFAC's SDN list of 3 May 2024 (or a small fixture). `sk.load` "
        "reads the format from the content.",
    ),
    (
        "code",
        "sdn_path = shared / 'ofac' / 'sdn-csv-2024-05' / 'sdn-2024-05-03.csv'\n"
        "if not sdn_path.exists():\n"
        "    sdn_path = fixtures / 'ofac_csv' / 'sdn.csv'\n"
        "ofac = sk.load(sdn_path)\n"
        "ofac.metadata, len(ofac.problems)",
    ),
    ("code", "ofac.vessels.to_pandas()[['id', 'name', 'imo', 'flag', 'vessel_type']].head()"),
    (
        "markdown",
        "## Link: the same ship is one entity\n\nSouth Korea's two ships of 24 May 2024 are "
        "on OFAC's list under the same IMO numbers. Records are joined on strong "
        "identifiers only, never on names.",
    ),
    (
        "code",
        "linked = sk.link(ds, ofac)\n"
        "ships = [link for link in linked.links if link.key.startswith('imo ')]\n"
        "[(link.key, link.entity_ids) for link in ships]",
    ),
    (
        "code",
        "maria = linked.dataset.get('vessel-maria')\n"
        "listings = linked.dataset.designations_of(maria.id)\n"
        "[(d.authority.name, d.listed, d.programmes) for d in listings]",
    ),
    (
        "markdown",
        "## Diff: what changed between two days of the list",
    ),
    (
        "code",
        "old_path = shared / 'ofac' / 'sdn-csv-2024-05' / 'sdn-2024-05-02.csv'\n"
        "old = sk.load(old_path) if old_path.exists() else sk.Dataset(\n"
        "    entities=ofac.entities[1:], designations=ofac.designations[1:]\n"
        ")\n"
        "changes = sk.diff(old, ofac)\n"
        "print(changes.summary())\n"
        "[(d.authority_ref, old.get(d.entity_id).name) for d in changes.removed][:10]",
    ),
    (
        "markdown",
        "## Match: which of Japan's designations of 24 May 2024 were already on OFAC's list?\n\n"
        "Japan's twelve designations share no strong identifier with OFAC's entries, so "
        "`sk.link` cannot join them. `sk.match.resolve` proposes links by name and "
        "corroborating facts (birth dates, countries, identifiers), never across kinds or "
        "within one list, each with its score and explanation: proposals for a person to "
        "decide, not merges. With OFAC's list of 3 May 2024 all twelve are found; with the "
        "small fixture, none (it holds three other parties).",
    ),
    (
        "code",
        "package = ds.get('jp-2024-05-24')\n"
        "japan = sk.Dataset(\n"
        "    entities=[ds.get(d.entity_id) for d in package.designations],\n"
        "    designations=package.designations,\n"
        ")\n"
        "best = {}\n"
        "for proposal in sk.match.resolve(japan, ofac):  # best first\n"
        "    best.setdefault(proposal.entity_ids[0], proposal)\n"
        "rows = [\n"
        "    (\n"
        "        japan.get(entity_id).name,\n"
        "        proposal.hit.designations[0].authority_ref,\n"
        "        proposal.hit.matched_name,\n"
        "        round(proposal.score, 2),\n"
        "    )\n"
        "    for entity_id, proposal in best.items()\n"
        "]\n"
        "pd.DataFrame(rows, columns=['Japan', 'OFAC uid', 'OFAC name', 'score'])",
    ),
    (
        "code",
        "# Why Vladimir Mikheychik is OFAC's MIKHEYCHIK, Vladimir Vladimirovich:\n"
        "if 'vladimir-mikheychik' in best:\n"
        "    print(best['vladimir-mikheychik'].explanation)",
    ),
    ("markdown", "## Plots: designations per month, vessels per flag"),
    (
        "code",
        "frame = ds.designations.to_pandas()\n"
        "per_month = frame['listed'].str[:7].value_counts().sort_index()\n"
        "axes = per_month.plot.bar(title='Designations in the built-in dataset, per month')\n"
        "axes.set_ylabel('designations')\n"
        "plt.tight_layout()",
    ),
    (
        "code",
        "flags = ofac.vessels.to_pandas()['flag'].fillna('unknown').value_counts().head(15)\n"
        "axes = flags.plot.barh(title='Vessels on the OFAC list, by flag')\n"
        "axes.invert_yaxis()\n"
        "plt.tight_layout()",
    ),
]


def main() -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for kind, source in CELLS:
        if kind == "markdown":
            notebook.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            notebook.cells.append(nbformat.v4.new_code_cell(source))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
