"""Map layer builders, one module per layer kind; plain Python (no streamlit).

``base`` (layer ids, tooltip text), ``places`` (choropleth, land), ``ports``, ``arcs``,
``labels``. The deck and its JSON are in ``components.deckjson``; the Streamlit map
frame in ``components.mapframe``.
"""
