"""pressgraph: a sourced, time-aware knowledge graph of companies, people and deals from press articles."""
