#include "truceline/extract/dates.hpp"

#include <gtest/gtest.h>
