// Exports: enforcement generated from the orders in force at a chosen time, in the formats
// operators load. (Being built; see issues 3 and 4.)
#pragma once
