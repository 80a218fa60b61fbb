package sku_test

import (
	"slices"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
)

// testReader reads with the vocabulary and every program's reading rules,
// as the program packages' parsers do together: an Open License row with no
// offering is a License, OVS beats OLV.
var testReader = enum.Must(sku.NewReader(sku.DefaultTokens(),
	slices.Concat(openvalue.ReadingRules(), openlicense.ReadingRules(), selectplus.ReadingRules())...))
