"""The release's README.md: data dictionary, row counts, how to cite. Generated from the
contract (one source of truth for every column description)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from renda.contract import CONTRACT_VERSION, FACT_TABLES, TABLES
from renda.settings import DATASET_LICENCE, DATASET_TITLE, EXTRACTOR


def _md(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def release_readme(version: str, created: str, rows: dict[str, int], n_rejects: int,
                   documents: list[dict[str, Any]], per_document: dict[str, Counter[str]]) -> str:
    """README.md of a release: files and row counts, rows per document, the data dictionary
    (from the contract) and how to cite. ``documents``: doc_id, source_file, doc_type rows;
    ``per_document``: fact table -> doc_id -> rows."""
    lines = [
        f"# {DATASET_TITLE} — release {version}",
        "",
        f"Created {created} by renda, extractor `{EXTRACTOR}`, data contract v{CONTRACT_VERSION}.",
        f"Licence: {DATASET_LICENCE['title']} ({DATASET_LICENCE['name']}).",
        "",
        "Every row of `elections`, `supervision` and `deputy_activity` names the passage it was "
        "read from (a sentence, or the sentences from the first to the last that report one "
        "event): `document_text.text[char_start:char_end] == evidence`. Check any figure "
        "against its passage before you cite it.",
        "",
        "## Files and row counts",
        "",
        "| table | rows | files |",
        "|---|---:|---|",
    ]
    for name, n in rows.items():
        spec = TABLES.get(name)
        files = f"`{name}.parquet`" + (f", `{name}.csv`" if spec is None or spec.csv else "")
        lines.append(f"| {name} | {n} | {files} |")
    lines += ["", f"Inputs not used: {n_rejects} (see `rejects.csv`).", ""]

    if documents:
        lines += ["## Rows per document", "",
                  "| document | doc_type | " + " | ".join(FACT_TABLES) + " |",
                  "|---|---|" + "---:|" * len(FACT_TABLES)]
        for row in documents:
            cells = " | ".join(str(per_document.get(t, Counter())[row["doc_id"]]) for t in FACT_TABLES)
            lines.append(f"| {_md(row['source_file'])} | {row['doc_type']} | {cells} |")
        lines.append("")

    lines += ["## Data dictionary", ""]
    for name, spec in TABLES.items():
        if name not in rows:
            continue
        lines += [f"### {name}", "", f"{spec.en} {spec.zh}", "",
                  f"Primary key: `{', '.join(spec.primary_key)}`.", "",
                  "| column | type | required | allowed values | description | 说明 |",
                  "|---|---|---|---|---|---|"]
        for c in spec.columns:
            allowed = ", ".join(f"`{v}`" for v in c.enum) if c.enum else ""
            lines.append(f"| `{c.name}` | {c.type} | {'yes' if not c.nullable else ''} | "
                         f"{allowed} | {_md(c.en)} | {_md(c.zh)} |")
        lines.append("")

    lines += [
        "## How to cite",
        "",
        f"> renda contributors. *{DATASET_TITLE}*, release {version} ({created[:10]}). "
        f"Dataset, {DATASET_LICENCE['name']}. Extractor {EXTRACTOR}.",
        "",
        "Cite the release version: releases are never modified after publication. To cite a "
        "single figure, give its `record_id` and the release version.",
        "",
        "Checksums: `sha256sum -c SHA256SUMS`. Machine-readable description: `datapackage.json` "
        "(Frictionless Data Package).",
        "",
    ]
    return "\n".join(lines)
