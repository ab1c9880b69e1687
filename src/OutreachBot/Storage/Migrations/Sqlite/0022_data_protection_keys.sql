-- ASP.NET Core Data Protection's key ring (sign-in cookies, anti-forgery tokens), kept in the database so that
-- sessions survive a restart and two instances on one PostgreSQL database accept each other's cookies.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
