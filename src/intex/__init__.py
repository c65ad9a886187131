"""intex: an attributed ledger of quantitative claims from open-source reports."""

__version__ = "0.1.0"
