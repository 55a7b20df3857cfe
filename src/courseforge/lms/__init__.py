"""What LMSs need of a package: presets per LMS, response identifiers, the CMI size budget.

Pure knowledge about LMSs: the builders and ``check`` read it, it imports no builder.
"""
