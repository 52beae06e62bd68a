"""The web UI (``pressgraph serve``): browse a store read-only in a browser.

:mod:`~pressgraph.web.pages` builds each page's data from the read API (the pure core, with
:mod:`~pressgraph.web.links`, :mod:`~pressgraph.web.highlight` and
:mod:`~pressgraph.web.graph`); :mod:`~pressgraph.web.app` is the FastAPI shell with the
Jinja2 templates (``templates/``, autoescaped) and the shipped CSS (``static/``). Importing
this package imports neither FastAPI nor a template.
"""
