/* The demo store: a small maker of granola, bars, cookies and sauces, with stock
 * received over the last two months. Deterministic for a given date. */
#include "setup.h"
#include "clock.h"
#include "error.h"
#include "i18n.h"
#include "ledger.h"
#include "master.h"
#include "orders.h"
#include "purchasing.h"
#include "recipe.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct demo_user demo_users[] = {
    {"ana", "owner", "1111", "Ana Ortiz"},      {"mike", "manager", "2222", "Mike Brennan"},
    {"quinn", "qa", "3333", "Quinn Adeyemi"},   {"olga", "operator", "4444", "Olga Novak"},
    {"victor", "viewer", "5555", "Victor Lee"},
};
const int demo_user_count = sizeof(demo_users) / sizeof(demo_users[0]);

static const char *const locations[][3] = {
    {"DRY", "Dry store", "dry"},          {"COLD", "Cold room", "cold"},
    {"FRZ", "Freezer", "freezer"},        {"STAGE", "Staging area", "staging"},
    {"FG", "Finished goods", "finished"}, {"QUAR", "Quarantine cage", "quarantine"},
};

/* code, name, kind, category, unit, shelf life days, density, pack size, gtin, allergens, home */
static const char *const items[][11] = {
    {"FLOUR-W", "Wheat flour T55", "ingredient", "flours", "kg", "240", "", "25", "", "gluten",
     "DRY"},
    {"OATS", "Rolled oats", "ingredient", "grains", "kg", "300", "", "20", "", "gluten", "DRY"},
    {"HONEY", "Wildflower honey", "ingredient", "sweeteners", "kg", "720", "1.42", "", "", "",
     "DRY"},
    {"SUGAR", "Cane sugar", "ingredient", "sweeteners", "kg", "720", "", "25", "", "", "DRY"},
    {"SALT", "Sea salt fine", "ingredient", "seasonings", "kg", "1000", "", "10", "", "", "DRY"},
    {"BUTTER", "Butter 82%", "ingredient", "dairy", "kg", "60", "", "", "", "milk", "COLD"},
    {"EGG-L", "Liquid whole egg", "ingredient", "dairy", "l", "21", "1.03", "", "", "egg", "COLD"},
    {"MILK-P", "Skimmed milk powder", "ingredient", "dairy", "kg", "360", "", "25", "", "milk",
     "DRY"},
    {"ALMOND", "Almonds sliced", "ingredient", "nuts", "kg", "270", "", "10", "", "nuts", "DRY"},
    {"RAISIN", "Raisins", "ingredient", "fruit", "kg", "365", "", "12.5", "", "", "DRY"},
    {"VANILLA", "Vanilla extract", "ingredient", "flavours", "l", "720", "0.95", "", "", "", "DRY"},
    {"CINNAMON", "Ground cinnamon", "ingredient", "seasonings", "kg", "540", "", "", "", "", "DRY"},
    {"OIL-SUN", "Sunflower oil", "ingredient", "oils", "l", "360", "0.92", "", "", "", "DRY"},
    {"YEAST", "Fresh yeast", "ingredient", "leavening", "kg", "28", "", "", "", "", "COLD"},
    {"COCOA", "Cocoa powder 22/24", "ingredient", "flavours", "kg", "540", "", "25", "", "", "DRY"},
    {"CHOC-DK", "Dark chocolate drops", "ingredient", "flavours", "kg", "365", "", "10", "",
     "milk soy", "DRY"},
    {"CHIA", "Chia seeds", "ingredient", "seeds", "kg", "540", "", "", "", "", "DRY"},
    {"MAPLE", "Maple syrup", "ingredient", "sweeteners", "l", "540", "1.33", "", "", "", "DRY"},
    {"BERRY-F", "Frozen raspberries", "ingredient", "fruit", "kg", "365", "", "", "", "", "FRZ"},
    {"TOMATO", "Tomato passata", "ingredient", "vegetables", "kg", "540", "", "", "", "", "DRY"},
    {"JAR-250", "Glass jar 250 ml", "packaging", "jars", "each", "", "", "1200", "", "", "DRY"},
    {"LID-63", "Twist lid 63 mm", "packaging", "jars", "each", "", "", "2000", "", "", "DRY"},
    {"BAG-500", "Kraft bag 500 g", "packaging", "bags", "each", "", "", "500", "", "", "DRY"},
    {"BOX-BAR", "Bar carton 12x", "packaging", "cartons", "each", "", "", "250", "", "", "DRY"},
    {"LABEL-R", "Label roll 1000", "packaging", "labels", "each", "", "", "", "", "", "DRY"},
    {"GRAN-BASE", "Granola base mix", "intermediate", "bases", "kg", "30", "", "", "",
     "gluten nuts", "STAGE"},
    {"GRAN-500", "Honey granola 500 g", "finished", "granola", "each", "180", "", "12",
     "05012345678900", "gluten nuts", "FG"},
    {"BAR-OAT", "Oat & honey bar 12x", "finished", "bars", "each", "150", "", "", "05012345678917",
     "gluten", "FG"},
    {"COOKIE-CH", "Chocolate cookies 200 g", "finished", "cookies", "each", "90", "", "24",
     "05012345678924", "gluten milk egg soy", "FG"},
    {"SAUCE-TOM", "Tomato sauce 250 ml", "finished", "sauces", "each", "365", "", "12",
     "05012345678931", "", "FG"},
};

static const char *const suppliers[][6] = {
    {"MILLCO", "Northfield Mills", "Dana Price", "orders@northfield.example", "Mill Lane 4",
     "Leeds"},
    {"BEEHIVE", "Golden Hive Apiaries", "Tom Hale", "sales@goldenhive.example", "Orchard Road 12",
     "Hereford"},
    {"DAIRYUK", "Vale Dairy Co-op", "Priya Shah", "dispatch@valedairy.example",
     "Depot 3, Ring Road", "Taunton"},
    {"NUTHOUSE", "Kernel & Co", "Luis Moreno", "trade@kernel.example", "Unit 8, Dock St",
     "Bristol"},
    {"PACKRITE", "Packrite Supplies", "Jo Carter", "hello@packrite.example", "Industrial Park 21",
     "Derby"},
};

static const char *const customers[][6] = {
    {"FRESHMART", "FreshMart Stores", "Buying office", "buying@freshmart.example", "1 Market Sq",
     "Manchester"},
    {"CORNER", "Corner Deli", "Sam Okafor", "sam@cornerdeli.example", "22 High St", "York"},
    {"HOTELGR", "Grand Hotel Kitchens", "Chef Marie", "kitchen@grandhotel.example", "Promenade 5",
     "Brighton"},
    {"ORGANICO", "Organico Wholesale", "Accounts", "ap@organico.example", "Warehouse 2, Canal Rd",
     "Glasgow"},
    {"CAFE9", "Cafe Nine", "Lena Berg", "lena@cafe9.example", "9 Station Rd", "Bath"},
    {"SCHOOLS", "County Schools Catering", "Procurement", "food@county.example", "Civic Centre",
     "Norwich"},
};

static const char *supplier_for(const char *category)
{
	if (!strcmp(category, "flours") || !strcmp(category, "grains"))
		return "MILLCO";
	if (!strcmp(category, "sweeteners"))
		return "BEEHIVE";
	if (!strcmp(category, "dairy"))
		return "DAIRYUK";
	if (!strcmp(category, "nuts") || !strcmp(category, "fruit") || !strcmp(category, "seeds"))
		return "NUTHOUSE";
	if (!strcmp(category, "jars") || !strcmp(category, "bags") ||
	    !strcmp(category, "cartons") || !strcmp(category, "labels"))
		return "PACKRITE";
	return "MILLCO";
}

/* A small deterministic generator so the demo is the same every time. */
static uint32_t rnd_state = 20261123u;
static uint32_t rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return ((rnd_state >> 8) & 0xffffff) % n;
}

static int add_master(struct session *s)
{
	struct fields f = FIELDS_INIT;
	int rc = OK;
	for (size_t i = 0; i < ARRAY_SIZE(locations) && rc == OK; i++) {
		fields_set(&f, "code", locations[i][0]);
		fields_set(&f, "name", locations[i][1]);
		fields_set(&f, "kind", locations[i][2]);
		rc = master_save_in_tx(s, &record_location, &f, SAVE_UPSERT, NULL);
		fields_free(&f);
	}
	static const char *const item_keys[] = {
	    "code",    "name",      "kind", "category", "base_unit", "shelf_life_days",
	    "density", "pack_size", "gtin", "allergens"};
	for (size_t i = 0; i < ARRAY_SIZE(items) && rc == OK; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(item_keys); k++)
			if (items[i][k][0])
				fields_set(&f, item_keys[k], items[i][k]);
		rc = master_save_in_tx(s, &record_item, &f, SAVE_UPSERT, NULL);
		fields_free(&f);
	}
	static const char *const party_keys[] = {"code",  "name",    "contact",
	                                         "email", "address", "city"};
	for (size_t i = 0; i < ARRAY_SIZE(suppliers) && rc == OK; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(party_keys); k++)
			fields_set(&f, party_keys[k], suppliers[i][k]);
		fields_set(&f, "country", "GB");
		rc = master_save_in_tx(s, &record_supplier, &f, SAVE_UPSERT, NULL);
		fields_free(&f);
	}
	for (size_t i = 0; i < ARRAY_SIZE(customers) && rc == OK; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(party_keys); k++)
			fields_set(&f, party_keys[k], customers[i][k]);
		fields_set(&f, "country", "GB");
		rc = master_save_in_tx(s, &record_customer, &f, SAVE_UPSERT, NULL);
		fields_free(&f);
	}
	for (int i = 1; i < demo_user_count && rc == OK; i++) {
		fields_set(&f, "name", demo_users[i].name);
		fields_set(&f, "full_name", demo_users[i].full_name);
		fields_set(&f, "role", demo_users[i].role);
		rc = user_save_in_tx(s, &f, demo_users[i].pin, SAVE_ADD);
		fields_free(&f);
	}
	return rc;
}

/* Stock: about 100 lots of the bought-in items and some finished goods. */
static int add_lots(struct session *s, char codes[][LOT_MAX + 1], int *nlots)
{
	int64_t today = clock_today();
	int rc = OK, n = 0;
	for (int i = 0; i < 100 && rc == OK; i++) {
		size_t k = i < 90 ? (size_t)(i % 25) : (size_t)(26 + i % 4);
		const char *const *it = items[k];
		int64_t life = it[5][0] ? atoll(it[5]) : 0;
		int64_t age = 1 + (int64_t)rnd(55);
		if (life && age > life / 2)
			age = life / 2 ? life / 2 : 1;
		int64_t received = today - age, expiry = life ? received + life : 0;
		/* a few lots the dashboard must point at */
		if (i == 5 || i == 31 || i == 57)
			expiry = today + 2 + i % 5; /* expiring within the warning window */
		if (i == 44)
			expiry = today - 4; /* expired, still in stock */
		if (expiry && expiry <= received)
			received = expiry - 10;
		char rdate[11], edate[11], qty[32], cost[32], slot[32];
		int unit_each = !strcmp(it[4], "each");
		snprintf(qty, sizeof(qty), "%u", unit_each ? 200 + rnd(40) * 50 : 5 + rnd(20) * 5);
		snprintf(cost, sizeof(cost), "%u.%02u", unit_each ? 0 : 1 + rnd(12), rnd(100));
		snprintf(slot, sizeof(slot), "%c%c%05u", 'A' + (int)rnd(26), 'A' + (int)rnd(26),
		         rnd(100000));
		int finished = !strcmp(it[2], "finished");
		struct receive_req r = {
		    .item = it[0],
		    .qty = qty,
		    .supplier = finished ? NULL : supplier_for(it[3]),
		    .supplier_lot = finished ? NULL : slot,
		    .expiry = expiry ? date_format(expiry, edate) : NULL,
		    .location = it[10],
		    .cost = cost,
		    .received = date_format(received, rdate),
		    .origin = "import",
		};
		rc = ledger_receive_in_tx(s, &r, codes[n]);
		if (rc == OK)
			n++;
	}
	*nlots = n;
	return rc;
}

/* Work waiting for the other screens: a recipe to plan a run of, a purchase
 * order to receive against, a customer order to confirm (a draft: nothing is
 * reserved until someone confirms it on the Orders screen) and pick. */
static int add_plans(struct session *s)
{
	static const struct recipe_line_req cookie[] = {
	    {"FLOUR-W", "4", "kg", NULL},   {"BUTTER", "2", "kg", NULL},
	    {"SUGAR", "1.5", "kg", NULL},   {"EGG-L", "0.8", "l", NULL},
	    {"CHOC-DK", "1.2", "kg", NULL}, {"BAG-500", "40", "each", "packaging"},
	};
	static const struct po_line_req po[] = {
	    {"FLOUR-W", "400", "kg", "0.62"},
	    {"OATS", "200", "kg", "0.85"},
	    {"HONEY", "60", "kg", "6.40"},
	};
	static const struct order_line_req order[] = {
	    {"BAR-OAT", "120", "each", NULL},
	    {"COOKIE-CH", "48", "each", NULL},
	};
	char expected[11], ship[11];
	int64_t version = 0;
	struct recipe_req r = {
	    "RCP-COOKIE",
	    "COOKIE-CH",
	    "40",
	    "each",
	    "Cream butter and sugar, add egg, flour, then chocolate. Bake 11 min "
	    "at 180 C. Cool, bag by 5.",
	    cookie,
	    (int)ARRAY_SIZE(cookie)};
	struct po_req p = {"PO-DEMO-1",        "MILLCO", date_format(clock_today() + 2, expected),
	                   "Weekly dry goods", po,       (int)ARRAY_SIZE(po)};
	struct order_req o = {
	    "SO-DEMO-1",           "FRESHMART", date_format(clock_today() + 3, ship),
	    "Dock 2 before 10:00", order,       (int)ARRAY_SIZE(order)};
	int rc = recipe_add(s, &r, &version);
	if (rc == OK)
		rc = recipe_set_status(s, "RCP-COOKIE", version, "active");
	if (rc == OK)
		rc = po_add(s, &p);
	if (rc == OK)
		rc = order_add(s, &o);
	return rc;
}

int setup_demo(struct session *s)
{
	char(*codes)[LOT_MAX + 1] = xcalloc(128, LOT_MAX + 1);
	int n = 0, rc;
	rnd_state = 20261123u;
	if ((rc = session_begin(s)))
		goto out;
	rc = add_master(s);
	if (rc == OK)
		rc = add_lots(s, codes, &n);
	rc = session_end(s, rc);
	if (rc)
		goto out;
	/* Some history, through the same services a person would use. */
	if ((rc = ledger_hold(s, codes[18], "inspection", "Bag seams split on arrival")) ||
	    (rc = ledger_adjust(s, codes[2], "+0.5", NULL, 1, "count", "Cycle count")) ||
	    (rc = ledger_adjust(s, codes[7], "-1", NULL, 1, "sample", "QC retain sample")) ||
	    (rc = ledger_move(s, codes[11], "STAGE", "For Monday's granola run")) ||
	    (rc = ledger_scrap(s, codes[23], "2", NULL, "damaged", "Forklift damage")) ||
	    (rc = ledger_move(s, codes[40], "COLD", NULL)))
		goto out;
	rc = add_plans(s);
out:
	free(codes);
	return rc;
}
