"""Trainer slide decks: one .pptx per module and one for the whole course, in ``slides/``.

The builder is in :mod:`.decks`; this package imports nothing, so that ``check`` can measure
slide tables (:mod:`.table_check`) without loading python-pptx.
"""
