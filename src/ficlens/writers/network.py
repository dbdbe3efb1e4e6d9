"""The character network as GraphML and GEXF (for Gephi, Cytoscape, networkx).

One :class:`networkx.MultiDiGraph` per work holds both kinds of edge, so one file
opens in one tool and can be filtered by the ``kind`` edge attribute:

- nodes are the characters (node id = character id) with ``label`` and ``name``
  (the character's name), ``aliases`` (joined with ``|``), ``gender``, ``mentions``
  and ``quotes`` (lines spoken); unknown values (a character without a gender) are
  left out of the node, not written as empty strings;
- edges are the whole-work interactions (``chapter`` None), with ``kind`` and
  ``weight``; an edge's id (its multigraph key) is ``<kind>:<source>:<target>``.
  ``speaks_to`` runs from speaker to addressee; ``co_occurs`` is symmetric and
  stored once, from the character listed first.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ficlens.model import Document
from ficlens.serialize import document_to_dict

LIST_SEPARATOR = "|"


def document_graph(doc: Document) -> nx.MultiDiGraph:
    """The whole-work character network of ``doc``."""
    data = document_to_dict(doc)
    graph = nx.MultiDiGraph(**_known({"name": doc.metadata.title}))
    for character in data["characters"]:
        attributes = {
            "label": character["name"],
            "name": character["name"],
            "aliases": LIST_SEPARATOR.join(character["aliases"]),
            "gender": character["gender"],
            "mentions": int(character["mentions"]),
            "quotes": int(character["quotes"]),
        }
        graph.add_node(character["id"], **_known(attributes))
    for edge in data["interactions"]:
        if edge["chapter"] is not None:
            continue
        if edge["source"] not in graph or edge["target"] not in graph:
            continue
        graph.add_edge(edge["source"], edge["target"],
                       key=f"{edge['kind']}:{edge['source']}:{edge['target']}",
                       kind=edge["kind"], weight=float(edge["weight"]))
    return graph


def _known(attributes: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value not in (None, "")}


def write_graphml(doc: Document, path: Path) -> Path:
    _write_atomically(path, lambda temporary: nx.write_graphml(document_graph(doc), temporary))
    return path


def write_gexf(doc: Document, path: Path) -> Path:
    """GEXF 1.2; the file carries no modification date, so it is stable run to run."""
    graph = document_graph(doc)
    for _source, _target, key, attributes in graph.edges(keys=True, data=True):
        attributes["id"] = key
    writer = GEXFWriter()
    writer.add_graph(graph)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    _write_atomically(path, writer.write)
    return path


def write_network(doc: Document, output_dir: Path, name: str) -> list[Path]:
    """Write ``<name>.graphml`` and ``<name>.gexf`` under ``output_dir``."""
    output_dir.mkdir(parents=True, exist_ok=True)
    return [write_graphml(doc, output_dir / f"{name}.graphml"),
            write_gexf(doc, output_dir / f"{name}.gexf")]


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
