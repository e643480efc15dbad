#include "truceline/extract/numbers.hpp"

#include <gtest/gtest.h>
