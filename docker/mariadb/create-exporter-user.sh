#!/bin/sh
# Runs once, when MariaDB initialises its data directory: the exporter's user, with the grants
# mysqld_exporter documents, its password from the environment (never from a file in the image).
set -eu
MYSQL_PWD="$MARIADB_ROOT_PASSWORD" mariadb --user=root <<SQL
CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY '${MYSQLD_EXPORTER_PASSWORD}' WITH MAX_USER_CONNECTIONS 3;
GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';
SQL
