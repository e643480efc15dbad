// Importers: see importers.hpp (being written).
