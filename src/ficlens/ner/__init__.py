"""ficlens's own person-name tagger, trained on LitBank.

:mod:`~ficlens.ner.features` turns a spaCy ``Doc`` into hashed sparse and dense
features, :mod:`~ficlens.ner.model` scores them with a linear model and decodes
BIO tags, :mod:`~ficlens.ner.litbank` reads the training data, and
:mod:`~ficlens.ner.train` / :mod:`~ficlens.ner.evaluate` are the command-line tools
that build and measure the shipped weights.
"""
