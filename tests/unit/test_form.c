/* The form widget's field checks and editing, without a terminal: quantities
 * with units, dates (and +DAYS), choices with completion, PINs, required fields,
 * and line editing of UTF-8 text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ui/form.h"
#include "ui/keys.h"

static struct form *make(void)
{
	struct form *fm = form_new("test");
	struct form_field *f = form_add(fm, "qty", "Quantity", FIELD_QTY, 1);
	f->unit = "kg";
	form_add(fm, "date", "Date", FIELD_DATE, 0);
	f = form_add(fm, "loc", "Location", FIELD_CHOICE, 0);
	form_add_choices(f, "DRY|COLD|COLDROOM|FRZ");
	form_add(fm, "pin", "PIN", FIELD_PIN, 0);
	form_add(fm, "no", "Number", FIELD_NUMBER, 0);
	return fm;
}

static int check(struct form *fm, const char *key, const char *value)
{
	form_set(fm, key, value);
	for (int i = 0; i < fm->n; i++)
		if (!strcmp(fm->f[i].key, key))
			return form_check_field(fm, i);
	return -1;
}

static void quantities(void **state)
{
	struct form *fm = make();
	(void)state;
	assert_int_equal(check(fm, "qty", ""), 1);
	assert_string_equal(form_field(fm, "qty")->error, "required");
	assert_int_equal(check(fm, "qty", "12.5"), 0);
	assert_int_equal(check(fm, "qty", " 2 pack "), 0);
	char num[32], unit[32];
	form_qty(fm, "qty", num, sizeof(num), unit, sizeof(unit));
	assert_string_equal(num, "2");
	assert_string_equal(unit, "pack");
	assert_int_equal(check(fm, "qty", "1x"), 1);
	assert_string_equal(form_field(fm, "qty")->error, "'1x' is not a number");
	assert_int_equal(check(fm, "qty", "2 furlong"), 1);
	assert_string_equal(form_field(fm, "qty")->error, "'furlong' is not a unit");
	assert_int_equal(check(fm, "qty", "+3"), 1);
	form_field(fm, "qty")->signed_qty = 1;
	assert_int_equal(check(fm, "qty", "+3"), 0);
	assert_int_equal(check(fm, "qty", "-0.5"), 0);
	form_free(fm);
}

static void dates(void **state)
{
	struct form *fm = make();
	(void)state;
	setenv("LOTLINE_NOW", "2026-11-23T08:00:00Z", 1);
	setenv("TZ", "UTC", 1);
	assert_int_equal(check(fm, "date", ""), 0); /* not required */
	assert_int_equal(check(fm, "date", "2027-02-28"), 0);
	assert_int_equal(check(fm, "date", "2027-02-30"), 1);
	assert_string_equal(form_field(fm, "date")->error, "'2027-02-30' is not a real date");
	assert_int_equal(check(fm, "date", "+30"), 0);
	assert_string_equal(form_get(fm, "date"), "2026-12-23");
	assert_int_equal(check(fm, "date", "+x"), 1);
	form_free(fm);
}

static void choices(void **state)
{
	struct form *fm = make();
	(void)state;
	assert_int_equal(check(fm, "loc", "dry"), 0);
	assert_string_equal(form_get(fm, "loc"), "DRY"); /* the choice's own spelling */
	assert_int_equal(check(fm, "loc", "F"), 0);      /* one choice begins so */
	assert_string_equal(form_get(fm, "loc"), "FRZ");
	assert_int_equal(check(fm, "loc", "COLD"), 0); /* exact, though COLDROOM begins so */
	assert_int_equal(check(fm, "loc", "CO"), 1);   /* two begin so */
	assert_int_equal(check(fm, "loc", "ATTIC"), 1);
	assert_non_null(strstr(form_field(fm, "loc")->error, "DRY COLD COLDROOM FRZ"));
	form_field(fm, "loc")->strict = 0;
	assert_int_equal(check(fm, "loc", "ATTIC"), 0);
	form_free(fm);
}

static void pins_and_numbers(void **state)
{
	struct form *fm = make();
	(void)state;
	assert_int_equal(check(fm, "pin", "1234"), 0);
	assert_int_equal(check(fm, "pin", "123"), 1);
	assert_int_equal(check(fm, "pin", "12a4"), 1);
	assert_int_equal(check(fm, "no", "42"), 0);
	assert_int_equal(check(fm, "no", "4.2"), 1);
	/* check all: the first bad field gets the focus */
	form_set(fm, "qty", "");
	form_set(fm, "pin", "1");
	fm->focus = 4;
	assert_int_equal(form_check(fm), 3);
	assert_int_equal(fm->focus, 0);
	form_free(fm);
}

static void editing(void **state)
{
	char v[16] = "";
	int cur = 0;
	(void)state;
	assert_int_equal(edit_key(v, sizeof(v), &cur, 'a'), 1);
	edit_key(v, sizeof(v), &cur, 0xe9); /* é, two bytes */
	edit_key(v, sizeof(v), &cur, 'b');
	assert_string_equal(v, "a\xc3\xa9"
	                       "b");
	edit_key(v, sizeof(v), &cur, LK_LEFT);
	edit_key(v, sizeof(v), &cur, LK_LEFT);
	assert_int_equal(cur, 1);
	edit_key(v, sizeof(v), &cur, LK_DELETE);
	assert_string_equal(v, "ab");
	edit_key(v, sizeof(v), &cur, LK_END);
	edit_key(v, sizeof(v), &cur, LK_BACKSPACE);
	assert_string_equal(v, "a");
	assert_int_equal(edit_key(v, sizeof(v), &cur, LK_F(2)), 0);
	/* never past the buffer */
	for (int i = 0; i < 40; i++)
		edit_key(v, sizeof(v), &cur, 'x');
	assert_int_equal(strlen(v), sizeof(v) - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(quantities), cmocka_unit_test(dates),
	    cmocka_unit_test(choices),    cmocka_unit_test(pins_and_numbers),
	    cmocka_unit_test(editing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
