-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER (openrsp).
-- One database per service (DESIGN.md section 7), owned by openrsp; each service's Flyway migrations create its
-- tables at start-up. The names are the ones `rsp demo --postgres` uses on a local server.
CREATE DATABASE rootca;
CREATE DATABASE smdp;
CREATE DATABASE smsr;
CREATE DATABASE simulator;
