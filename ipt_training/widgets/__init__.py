"""Interactive practice widgets for the lesson notebooks (ipywidgets and matplotlib are imported here, lazily)."""
