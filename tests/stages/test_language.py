import pytest

from ficlens.errors import NotEnglishError
from ficlens.model import Document
from ficlens.stages import language

ENGLISH = ("She walked to the door and looked out at the rain. He said that it would stop "
           "soon, but she did not believe him, and they waited in the kitchen for an hour. ") * 3
FRENCH = ("Elle marchait vers la porte et regardait la pluie. Il disait que cela cesserait "
          "bientôt, mais elle ne le croyait pas, et ils attendaient dans la cuisine. ") * 3
CHINESE = "他走到门口，看着外面的雨。她说雨很快就会停，但是他不相信。" * 10


def test_language_accepts_english():
    assert language.run(Document(text=ENGLISH)).text == ENGLISH


@pytest.mark.parametrize("text", [FRENCH, CHINESE])
def test_language_rejects_other_languages(text):
    with pytest.raises(NotEnglishError, match="does not look like English"):
        language.run(Document(text=text))


def test_language_lets_very_short_text_through():
    assert language.is_english("Hello there, Spike.")
