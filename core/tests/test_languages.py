"""Adding a language needs only its translation file: no code changes."""

import struct

from django.test import override_settings
from django.utils import translation
from django.utils.translation import trans_real

from core.context_processors import available_languages


def write_mo(path, messages: dict[str, str]) -> None:
    """Write a GNU gettext .mo catalogue (what compilemessages makes)."""
    items = sorted({"": "Content-Type: text/plain; charset=UTF-8\n", **messages}.items())
    ids = b"".join(k.encode() + b"\0" for k, _ in items)
    strs = b"".join(v.encode() + b"\0" for _, v in items)
    header = 7 * 4
    table = header + len(items) * 16
    id_offsets, str_offsets, position = [], [], 0
    for key, _ in items:
        id_offsets.append((len(key.encode()), table + position))
        position += len(key.encode()) + 1
    position = 0
    for _, value in items:
        str_offsets.append((len(value.encode()), table + len(ids) + position))
        position += len(value.encode()) + 1
    with open(path, "wb") as handle:
        handle.write(
            struct.pack("<7I", 0x950412DE, 0, len(items), header, header + len(items) * 8, 0, 0)
        )
        for length, offset in id_offsets + str_offsets:
            handle.write(struct.pack("<2I", length, offset))
        handle.write(ids + strs)


def test_a_welsh_catalogue_is_enough_to_offer_welsh(tmp_path, client, db):
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    write_mo(folder / "django.mo", {"What the words mean": "Beth mae’r geiriau’n ei olygu"})
    with override_settings(LOCALE_PATHS=[tmp_path]):
        available_languages.cache_clear()
        trans_real._translations = {}
        try:
            english = client.get("/").content.decode()
            assert "Cymraeg" in english  # offered in the footer
            client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
            welsh = client.get("/").content.decode()
            assert '<html lang="cy"' in welsh
            assert "Beth mae’r geiriau’n ei olygu" in welsh
        finally:
            available_languages.cache_clear()
            trans_real._translations = {}
            translation.activate("en-gb")
