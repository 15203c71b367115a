"""Data and sources: what is loaded, provenance, caveats, and loading an official file."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from components import chartframe, citations, i18n, query, safetext, state, upload
from components.i18n import t

UPLOAD_SUBMITTED = "data_upload_submitted"
UPLOAD_TYPES = ["csv", "txt", "gz", "zip"]  # the loaders sniff the content; these are the names


def uploader_css(key: str, button_text: str) -> str:
    """CSS for the uploader of widget ``key`` only: Streamlit 1.67 cannot relabel it, so its
    English hint ('60MB per file • CSV…') is hidden (our translated one is shown above it) and
    its 'Upload' button shows ``button_text`` instead."""
    scope = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    text = json.dumps(button_text, ensure_ascii=False)  # a quoted CSS string
    return (
        "<style>"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] {{display: none;}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p {{font-size: 0;}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p::after "
        f"{{content: {text}; font-size: 0.875rem;}}"
        "</style>"
    )


view = state.current_view()
st.title(t("data.title"))
st.markdown(t("data.intro"))

# --- what is loaded
st.subheader(t("data.loaded"))
sources = citations.own_sources_in_language(query.load(query.sources))
st.caption(
    t("data.summary", sources=i18n.fmt_int(len(sources)), rows=i18n.fmt_int(sources["rows"].sum()))
)
table = pd.DataFrame(
    {
        t("data.col_publisher"): sources["publisher"],
        t("data.col_title"): sources["title"],
        # Borderlinks' own sources (gazetteers, our codes) have no URL: an empty cell.
        t("data.col_url"): sources["url"].fillna(""),
        t("data.col_as_of"): [i18n.fmt_date(d) for d in sources["as_of"]],
        t("data.col_rows"): sources["rows"],
        t("data.col_tables"): sources["tables"],
        t("data.col_license"): sources["license"],
        t("data.col_loaded_at"): sources["loaded_at"],
        t("data.col_file"): sources["file_name"],
        t("data.col_notes"): sources["notes"],
        "source_id": sources["source_id"],
    }
)
chartframe.show_table(
    table,
    sources=list(sources["source_id"]),
    key="data-sources",
    column_config={
        t("data.col_url"): st.column_config.LinkColumn(),
        # The list of sources: here the id is data (the store's key), not a raw id to hide.
        "source_id": st.column_config.TextColumn(t("col.source_id")),
    },
)

# --- provenance and caveats
st.subheader(t("data.provenance"))
st.markdown(t("data.provenance_plain"))
# Commands and file paths are for whoever maintains the data, not for the officials reading.
with st.expander(t("data.admin"), icon=":material/terminal:"):
    st.markdown(t("data.provenance_text"))
    st.markdown(t("data.admin_load"))
st.subheader(t("data.caveats"))
for key in ("inbound", "mx_state", "origin", "od", "partial"):
    st.markdown(f"- {t(f'data.caveat_{key}')}")

# --- upload an official file
st.subheader(t("data.upload"))
limit_mb = st.get_option("server.maxUploadSize")
st.caption(t("data.upload_help", mb=limit_mb))
with st.form("data-upload", clear_on_submit=False):
    source = st.selectbox(
        t("data.upload_source"),
        upload.known_sources(),
        format_func={s: i18n.label("data.source", s) for s in upload.known_sources()}.__getitem__,
        index=None,
        placeholder=t("common.select_placeholder"),
        key="data_upload_source",
    )
    # zip: TransBorder months arrive zipped; members are extracted safely by ingest.archive.
    st.html(uploader_css("data_upload", t("data.upload_browse")))
    st.caption(
        t(
            "data.upload_instructions",
            types=", ".join(f".{ext}" for ext in UPLOAD_TYPES),
            mb=i18n.fmt_int(limit_mb),
        )
    )
    file = st.file_uploader(t("data.upload_file"), type=UPLOAD_TYPES, key="data_upload")
    # A callback flag, not the button's return value: it survives a rerun through the
    # frame (state.ensure_frame) that would otherwise drop the click.
    st.form_submit_button(
        t("data.upload_button"),
        icon=":material/upload:",
        on_click=lambda: st.session_state.update({UPLOAD_SUBMITTED: True}),
    )
if st.session_state.pop(UPLOAD_SUBMITTED, False):
    if not source or file is None:
        st.warning(t("common.select_placeholder"), icon=":material/warning:")
    else:
        with st.spinner(t("data.upload_button")):
            result = upload.load_upload(
                source, file.name, file.getvalue(), query.db_path(), max_bytes=limit_mb << 20
            )
        if result.ok:
            st.success(t("data.upload_done", name=result.message), icon=":material/check:")
            with st.expander(t("data.upload_report"), expanded=True):
                st.code("\n".join(result.report), language=None)
        else:
            # The refusal quotes the offending cell: shown literally, never as markdown.
            st.error(
                t("data.upload_refused", problem=safetext.md_literal(result.message)),
                icon=":material/block:",
            )
