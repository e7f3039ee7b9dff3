"""Writes ``gpu_agent/types.py`` from the API's OpenAPI document.

Every schema under ``components.schemas`` becomes a ``TypedDict`` of the same
name (nested objects become ``<Name><Field>`` classes), so the Python SDK's
types are the routes' own, as the TypeScript SDK's are. Run by
``npm run sdk:generate`` after it saved the document as ``sdk/openapi.json``;
by hand: ``python3 sdk/python/scripts/generate_types.py sdk/openapi.json OUT``.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
import textwrap
from typing import Any

HEADER = '''"""The API's resources as ``TypedDict`` classes, generated from its OpenAPI
document by ``sdk/python/scripts/generate_types.py``: do not edit by hand.

Python 3.10 has no ``NotRequired``, so a schema with optional fields is two
classes: ``_<Name>Required`` with the required ones, and ``<Name>`` adding the
rest with ``total=False``.
"""

from __future__ import annotations

'''

TYPING_NAMES = ["Any", "List", "Literal", "Optional", "TypedDict", "Union"]


class Generator:
    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.classes: list[str] = []
        self.done: set[str] = set()

    def run(self) -> str:
        for name in self.schemas:
            self.emit(name, self.schemas[name])
        body = "\n\n\n".join(self.classes) + "\n"
        used = [n for n in TYPING_NAMES if re.search(rf"\b{n}\b", body)]
        return f"{HEADER}from typing import {', '.join(used)}\n\n\n{body}"

    def type_of(self, schema: dict[str, Any], hint: str) -> str:
        """The Python annotation for ``schema``; ``hint`` names a nested class."""
        if "$ref" in schema:
            return schema["$ref"].rsplit("/", 1)[-1]
        if "anyOf" in schema or "oneOf" in schema:
            options = schema.get("anyOf") or schema["oneOf"]
            return self.union([self.type_of(o, hint) for o in options])
        if "allOf" in schema:
            return self.emit(hint, schema)
        kinds = schema.get("type")
        if isinstance(kinds, list):
            inner = [self.type_of({**schema, "type": k}, hint) for k in kinds if k != "null"]
            annotation = self.union(inner)
            return f"Optional[{annotation}]" if "null" in kinds else annotation
        if "enum" in schema:
            return "Literal[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
        if kinds == "string":
            return "str"
        if kinds == "integer":
            return "int"
        if kinds == "number":
            return "float"
        if kinds == "boolean":
            return "bool"
        if kinds == "null":
            return "None"
        if kinds == "array":
            return f"List[{self.type_of(schema.get('items', {}), hint + 'Item')}]"
        if kinds == "object" and schema.get("properties"):
            return self.emit(hint, schema)
        if kinds == "object":
            extra = schema.get("additionalProperties")
            value = (
                self.type_of(extra, hint + "Value") if isinstance(extra, dict) and extra else "Any"
            )
            return f"dict[str, {value}]"
        return "Any"

    @staticmethod
    def union(options: list[str]) -> str:
        unique = list(dict.fromkeys(options))
        return unique[0] if len(unique) == 1 else f"Union[{', '.join(unique)}]"

    def emit(self, name: str, schema: dict[str, Any]) -> str:
        """Writes the class ``name`` for an object schema (once); answers its name."""
        if name in self.done:
            return name
        self.done.add(name)
        bases: list[str] = []
        properties: dict[str, Any] = {}
        required: set[str] = set()
        parts = schema.get("allOf", [schema])
        for part in parts:
            if "$ref" in part:
                # A base class must be defined before the class that extends it.
                base = self.type_of(part, name)
                bases.append(self.emit(base, self.schemas[base]))
                continue
            properties.update(part.get("properties", {}))
            required.update(part.get("required", []))
        if not properties and not bases:
            self.classes.append(f"{name} = dict[str, Any]")
            return name

        fields = {
            key: (self.type_of(value, name + camel(key)), value.get("description"))
            for key, value in properties.items()
        }
        doc = schema.get("description") or f"The API's ``{name}`` object."
        must = {k: v for k, v in fields.items() if k in required}
        may = {k: v for k, v in fields.items() if k not in required}
        if may and must:
            self.classes.append(klass(f"_{name}Required", bases or ["TypedDict"], must, None))
            self.classes.append(klass(name, [f"_{name}Required"], may, doc, total=False))
        else:
            self.classes.append(klass(name, bases or ["TypedDict"], fields, doc, total=not may))
        return name


def camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.replace("-", "_").split("_"))


def klass(name, bases, fields, doc, total=True) -> str:
    head = f"class {name}({', '.join(bases)}{'' if total else ', total=False'}):"
    lines = [head]
    if doc:
        lines.append(docstring(doc))
        lines.append("")
    for key, (annotation, description) in fields.items():
        if not key.isidentifier() or keyword.iskeyword(key):
            raise SystemExit(f"{name}.{key} is not a Python identifier")
        lines.append(field_line(key, annotation))
        if description:
            lines.append(docstring(description))
    if len(lines) == 1:
        lines.append("    pass")
    return "\n".join(lines)


def docstring(text: str) -> str:
    """A docstring indented for a class body, wrapped within 100 columns."""
    body = textwrap.fill(" ".join(text.split()), width=93, subsequent_indent="    ")
    return f'    """{body}"""' if "\n" not in body else f'    """{body}\n    """'


def field_line(key: str, annotation: str) -> str:
    """``key: annotation``, with a long ``Literal[...]`` given one value per line."""
    line = f"    {key}: {annotation}"
    if len(line) <= 100 or "Literal[" not in annotation:
        return line
    start = annotation.index("Literal[") + len("Literal[")
    end = annotation.index("]", start)
    values = "".join(f"        {value},\n" for value in annotation[start:end].split(", "))
    return f"    {key}: {annotation[:start]}\n{values}    {annotation[end:]}"


def main(source: str, out: str) -> None:
    with open(source, encoding="utf-8") as file:
        document = json.load(file)
    with open(out, "w", encoding="utf-8") as file:
        file.write(Generator(document["components"]["schemas"]).run())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
