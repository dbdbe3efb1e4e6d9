"""Network export: GraphML and GEXF read back with networkx match the JSON."""

from __future__ import annotations

import networkx as nx
import pytest

from ficlens.model import Document, Interaction
from ficlens.serialize import document_to_dict
from ficlens.writers.network import document_graph, write_gexf, write_network


def whole_work(data: dict) -> list[dict]:
    return [edge for edge in data["interactions"] if edge["chapter"] is None]


def test_network_graph_holds_characters_and_whole_work_edges(hand_built_doc):
    data = document_to_dict(hand_built_doc)
    graph = document_graph(hand_built_doc)
    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.nodes) == sorted(c["id"] for c in data["characters"])
    assert graph.number_of_edges() == len(whole_work(data))
    assert graph.nodes["c0"] == {"label": "Ada Lovett", "name": "Ada Lovett",
                                 "aliases": "Ada|Ada Lovett", "gender": "she/her",
                                 "mentions": 2, "quotes": 3}
    assert "gender" not in graph.nodes["c2"]
    assert graph.edges["c1", "c0", "speaks_to:c1:c0"] == {"kind": "speaks_to", "weight": 2.0}


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_network_files_read_back(hand_built_doc, tmp_path, suffix):
    data = document_to_dict(hand_built_doc)
    paths = {path.suffix.lstrip("."): path for path in
             write_network(hand_built_doc, tmp_path, "tides")}
    assert set(paths) == {"graphml", "gexf"}
    if suffix == "graphml":
        graph = nx.read_graphml(paths[suffix], force_multigraph=True)
    else:
        graph = nx.read_gexf(paths[suffix])
    assert graph.number_of_nodes() == len(data["characters"])
    assert graph.number_of_edges() == len(whole_work(data))
    names = {node: attributes["name"] for node, attributes in graph.nodes(data=True)}
    assert names == {c["id"]: c["name"] for c in data["characters"]}
    quotes = {node: attributes["quotes"] for node, attributes in graph.nodes(data=True)}
    assert quotes == {c["id"]: c["quotes"] for c in data["characters"]}
    weights = sorted((u, v, d["kind"], d["weight"]) for u, v, d in graph.edges(data=True))
    assert weights == sorted((e["source"], e["target"], e["kind"], e["weight"])
                             for e in whole_work(data))


def test_network_gexf_is_stable(hand_built_doc, tmp_path):
    first = write_gexf(hand_built_doc, tmp_path / "a.gexf").read_bytes()
    second = write_gexf(hand_built_doc, tmp_path / "b.gexf").read_bytes()
    assert first == second
    assert b"lastmodifieddate" not in first


def test_network_skips_edges_to_unknown_characters(hand_built_doc):
    hand_built_doc.interactions.append(Interaction("c0", "c9", "speaks_to", 1.0, None))
    graph = document_graph(hand_built_doc)
    assert "c9" not in graph


def test_network_empty_document(tmp_path):
    paths = write_network(Document(text="Quiet."), tmp_path, "quiet")
    assert nx.read_graphml(paths[0]).number_of_nodes() == 0
