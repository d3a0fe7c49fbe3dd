-- A host application's own schema, migrated by the host's own Flyway into its default history table.
CREATE TABLE host_orders (id INTEGER NOT NULL PRIMARY KEY, item VARCHAR(100) NOT NULL);
INSERT INTO host_orders (id, item) VALUES (1, 'sourdough starter');
