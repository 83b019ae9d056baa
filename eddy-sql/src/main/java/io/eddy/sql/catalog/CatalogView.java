package io.eddy.sql.catalog;

import io.eddy.table.types.LogicalType;

/** A view: its query text (expanded wherever the view is used) and its validated row type. */
public record CatalogView(String name, String query, LogicalType rowType) {}
