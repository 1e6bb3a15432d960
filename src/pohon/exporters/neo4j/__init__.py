"""Neo4j exporters: `model` (how the graph maps onto Neo4j, every statement the push sends), `push` (the
atomic push over Bolt) and `admin` (CSV files for `neo4j-admin database import full`)."""
