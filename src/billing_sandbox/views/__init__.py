"""The sandbox's pages, one blueprint per area of the product."""
