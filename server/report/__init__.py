"""Reports: figures that sum up the chain's activity for the staff's part of it."""
