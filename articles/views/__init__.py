"""Views, one module per page family; query logic lives in the models' QuerySets."""
