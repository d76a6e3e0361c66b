"""The forms of the credentials pages, one module per area: earning, issuers, the issuer's pages."""
