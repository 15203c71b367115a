"""The one-page PDF brief: opens, one page, place name in the chosen language, sources, inert text.

Every row in the store built here is SYNTHETIC (made-up values, example.org URLs).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfReader

from components import brief, brief_drawing, i18n

REPO = Path(__file__).resolve().parents[1]
HOSTILE = 'Synthetic <script>alert(1)</script> pact =HYPERLINK("http://x")'


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory) -> Path:
    """A tiny store: 3 places, 2 sources, a little trade, 2 ports, 1 hostile initiative."""
    db = tmp_path_factory.mktemp("brief") / "synthetic.duckdb"
    con = duckdb.connect(str(db))
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        """
        INSERT INTO sources (source_id, publisher, title, url, as_of) VALUES
          ('syn-trade', 'Synthetic Trade Office', 'Synthetic trade table',
           'https://example.org/trade', DATE '2024-12-31'),
          ('syn-places', 'Synthetic Atlas', 'Synthetic places', NULL, DATE '2020-01-01');
        INSERT INTO places VALUES
          ('US-TX','US','state','Texas','Texas','Texas',NULL,'TX',true,'US-Mexico',31,-99,'syn-places'),
          ('MX-NLE','MX','state','Nuevo Leon','Nuevo León','Nuevo León',NULL,'NL',true,
           'US-Mexico',25.6,-99.9,'syn-places'),
          ('CA-QC','CA','province','Quebec','Quebec','Québec',NULL,'QC',true,'US-Canada',
           52,-72,'syn-places');
        INSERT INTO trade_annual VALUES
          (2024,'US-TX','MX',NULL,'Truck','export',1000000000,NULL,'syn-trade'),
          (2024,'US-TX','MX',NULL,'Truck','import',500000000,NULL,'syn-trade'),
          (2024,NULL,'MX','MX-NLE','Truck','export',250000000,NULL,'syn-trade');
        INSERT INTO trade_od VALUES ('US-TX','CA-QC',NULL,1993,2024,7000000,'syn-trade');
        INSERT INTO ports VALUES
          ('9991','Synthetic Bridge','US-TX','US-Mexico',27.5,-99.5,'open',NULL,NULL,'syn-trade');
        INSERT INTO crossings_annual VALUES ('9991',2024,'Trucks',1234,12,'syn-trade');
        """
    )
    con.execute(
        "INSERT INTO initiatives (initiative_id, name_en, kind, year, status, summary_en, "
        "source_url, source_title, source_publisher, source_id) VALUES "
        "('syn-1', ?, 'agreement', 2019, 'active', 'synthetic', 'https://example.org/i', "
        "'Synthetic', 'Synthetic Gazette', 'syn-trade')",
        [HOSTILE],
    )
    con.execute(
        "INSERT INTO initiative_parties VALUES ('syn-1','US-TX',NULL,'signatory'),"
        "('syn-1','MX-NLE',NULL,'signatory')"
    )
    con.close()
    return db


def pdf_text(data: bytes, tmp_path: Path) -> tuple[int, str]:
    path = tmp_path / "brief.pdf"
    path.write_bytes(data)
    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Extracted PDF text with whitespace runs collapsed (line breaks fall anywhere)."""
    return " ".join(text.split())


def test_brief_is_a_one_page_pdf(synthetic_store, tmp_path):
    data = brief.brief_pdf(synthetic_store, "US-TX", "en")
    assert data.startswith(b"%PDF-")
    pages, _ = pdf_text(data, tmp_path)
    assert pages == 1


def test_brief_shows_place_name_in_the_chosen_language(synthetic_store, tmp_path):
    _, spanish = pdf_text(brief.brief_pdf(synthetic_store, "MX-NLE", "es"), tmp_path)
    _, french = pdf_text(brief.brief_pdf(synthetic_store, "CA-QC", "fr"), tmp_path)
    assert "Nuevo León" in spanish and "Cifras clave" in spanish
    # No Spanish name stored for the initiative: the English one is shown, never "nan".
    assert "Synthetic <script>" in squash(spanish) and " nan " not in squash(spanish)
    assert "Québec" in french and "Chiffres clés" in french


def test_brief_lists_every_source_with_its_as_of_date(synthetic_store, tmp_path):
    _, text = pdf_text(brief.brief_pdf(synthetic_store, "US-TX", "en"), tmp_path)
    text = squash(text)
    assert "Synthetic Trade Office, Synthetic trade table (Dec 31, 2024)" in text
    assert "Synthetic Atlas, Synthetic places (Jan 1, 2020)" in text


def test_brief_quotes_store_figures_formatted_for_the_language(synthetic_store, tmp_path):
    _, text = pdf_text(brief.brief_pdf(synthetic_store, "US-TX", "fr"), tmp_path)
    text = squash(text.replace("\u202f", " ").replace("\xa0", " "))
    money = squash(i18n.fmt_money(1.5e9, lang="fr").replace("\u202f", " ").replace("\xa0", " "))
    assert money in text  # 1.0 bn exports + 0.5 bn imports with Mexico, French format
    assert "1 234" in text  # port trucks with the French thousands separator


def test_hostile_initiative_name_is_printed_as_inert_text(synthetic_store, tmp_path):
    data = brief.brief_pdf(synthetic_store, "US-TX", "en")
    _, text = pdf_text(data, tmp_path)
    assert "<script>alert(1)</script>" in squash(text)
    assert '=HYPERLINK("http://x")' in squash(text)
    for action in (b"/JavaScript", b"/JS ", b"/Launch", b"/URI", b"/SubmitForm"):
        assert action not in data


def test_unknown_place_is_refused_with_a_hint(synthetic_store):
    with pytest.raises(brief.BriefError, match="US-TX, CA-QC or MX-NLE"):
        brief.collect(synthetic_store, "XX-ZZ", "en")


def test_missing_font_is_refused_with_install_hint(synthetic_store, monkeypatch, tmp_path):
    monkeypatch.setattr(brief_drawing, "FONT_REGULAR", tmp_path / "missing.ttf")
    with pytest.raises(brief.BriefError, match="apt-get install fonts-dejavu-core"):
        brief.brief_pdf(synthetic_store, "US-TX", "en")


def test_cli_writes_the_pdf_and_reports_errors_in_one_line(synthetic_store, tmp_path):
    out = tmp_path / "texas.pdf"
    cmd = [sys.executable, "-m", "components.brief", "US-TX", "--lang", "es"]
    ok = subprocess.run(
        [*cmd, "--out", str(out), "--db", str(synthetic_store)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    bad = subprocess.run(
        [sys.executable, "-m", "components.brief", "XX-ZZ", "--db", str(synthetic_store)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
