#include "truceline/extract/weapons.hpp"

#include <gtest/gtest.h>
