"""Cross-store settlement (跨店清分): what stores owe each other for stored value spent across the chain."""
