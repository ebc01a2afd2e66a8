"""One module per output format, each a pure `render(reports, fail_on) -> str`."""
from service.check.formats import github, json, junit, sarif, text

RENDERERS = {"text": text.render, "json": json.render, "github": github.render, "junit": junit.render,
             "sarif": sarif.render}
