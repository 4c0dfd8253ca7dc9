"""The working-day calendar as operators load it: one stream per year, cached per service."""
