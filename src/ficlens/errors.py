"""ficlens exceptions.

Every failure a user can cause is a :class:`FicLensError` subclass with a one-line
message and its own process exit code, which the CLI prints and returns. The codes
are documented in the README ("Exit codes"); keep the two in step.
"""

from __future__ import annotations


class FicLensError(Exception):
    """Base class of every error ficlens raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        # One line: the CLI prints the message as is.
        super().__init__(" ".join(str(message).split()))


class InputNotFoundError(FicLensError):
    """The input path does not exist."""

    exit_code = 3


class UnsupportedFormatError(FicLensError):
    """The file is of a kind ficlens does not read (or is binary)."""

    exit_code = 4


class CorruptInputError(FicLensError):
    """The file claims a supported format but cannot be parsed (truncated EPUB, broken zip)."""

    exit_code = 5


class EmptyStoryError(FicLensError):
    """The input holds no story text."""

    exit_code = 6


class NotEnglishError(FicLensError):
    """The story is not in English."""

    exit_code = 7


class InputTooLargeError(FicLensError):
    """The input is larger than the configured limit."""

    exit_code = 8


class UnsafeInputError(FicLensError):
    """The input looks hostile: zip bomb, path traversal, external XML entities."""

    exit_code = 9


class ModelNotFoundError(FicLensError):
    """No usable spaCy English pipeline is installed."""

    exit_code = 10


class ConfigError(FicLensError):
    """A user-supplied option or file (e.g. a character list) is invalid."""

    exit_code = 2


class PipelineError(FicLensError):
    """A pipeline stage broke its contract (a programming error inside ficlens)."""

    exit_code = 70
