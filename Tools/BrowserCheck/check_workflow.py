#!/usr/bin/python3
"""Walks the review workflow in headless Chromium, one browser per user, as the users would.

    check_workflow.py BASE_URL DISTRICT PASSWORD BUREAU PASSWORD COMMISSION PASSWORD [PERIOD]

DISTRICT reports the digital domain's figures of its own org, BUREAU owns them (市经信局) and
COMMISSION locks periods. PERIOD (default 2024Q1) must be open and empty. The check fails when:

- a figure with a mistake is saved, or its error is not shown beside its input, or the other
  inputs lose what was typed;
- the corrected form does not submit;
- a note written as markup runs as script (an alert opens) on the district's or the bureau's page;
- the bureau cannot return the figure with a comment, or the district does not see the comment;
- the corrected, resubmitted figure cannot be approved;
- a second browser's board does not show the submission without a reload (server-sent events);
- the commission's lock (after its confirm dialog) does not stop the district from editing;
- a change request for the locked figure, accepted by the commission, does not bring the new value
  back to the bureau's review queue;
- the language switch does not give the English page;
- the browser logs a console warning or error on any page (a blocked script or style included).

Exit status: 0 when everything passes, 1 when a check fails, 2 when the check could not run.
"""

import sys

from check_report import CHROMEDRIVER, CHROMIUM, CheckCannotRun, start_browser

ICT = "digital.ict_revenue"
SOFTWARE = "digital.software_revenue"
MARKUP = "<img src=x onerror=alert(1)>"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (7, 8):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    base, district, district_password, bureau, bureau_password, commission, commission_password = argv[:7]
    period = argv[7] if len(argv) == 8 else "2024Q1"
    year = period[:4]
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    failures = []
    drivers = []

    def fail(message):
        failures.append(message)
        print(f"FAIL {message}")

    def browser():
        driver = start_browser(1280, CHROMIUM, CHROMEDRIVER)
        drivers.append(driver)
        return driver

    def console(driver, expected=None):
        """Fails on console warnings and errors, but for the status `expected` of a form sent back."""
        for entry in driver.get_log("browser"):
            if expected and f"the server responded with a status of {expected}" in entry["message"]:
                continue
            if entry["level"] in ("WARNING", "SEVERE"):
                fail(f"console {entry['level']} on {driver.current_url}: {entry['message']}")

    def no_alert(driver, where):
        try:
            driver.switch_to.alert.accept()
            fail(f"markup ran as script on {where}")
        except NoAlertPresentException:
            pass

    def click(driver, selector, confirm=False):
        """Clicks a button and waits until the answer has replaced the page."""
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, selector).click()
        if confirm:
            try:
                WebDriverWait(driver, 5).until(expected_conditions.alert_is_present())
                driver.switch_to.alert.accept()
            except TimeoutException:
                fail(f"{selector} asked for no confirmation")
        try:
            WebDriverWait(driver, 10).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
        except TimeoutException:
            fail(f"the form of {selector} got no answer")

    def sign_in(driver, user, secret):
        driver.get(f"{base}/login")
        driver.find_element(By.NAME, "name").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(secret)
        click(driver, "button[type=submit]")
        if not driver.find_elements(By.ID, "who"):
            raise CheckCannotRun(f"{user} could not sign in")

    def value_input(driver, indicator):
        found = driver.find_elements(By.NAME, f"value.{indicator}")
        return found[0] if found else None

    def fill(driver, indicator, value, note=None):
        field = value_input(driver, indicator)
        if field is None:
            fail(f"the form has no input for {indicator}")
            return
        field.clear()
        field.send_keys(value)
        if note is not None:
            note_field = driver.find_element(By.NAME, f"note.{indicator}")
            note_field.clear()
            note_field.send_keys(note)

    def row(driver, indicator):
        return driver.find_element(By.CSS_SELECTOR, f'tr[data-indicator="{indicator}"]')

    def review_form(driver, org):
        found = driver.find_elements(By.CSS_SELECTOR, f'section[data-org="{org}"] form')
        return found[0] if found else None

    try:
        entering, reviewing, board = browser(), browser(), browser()
        sign_in(entering, district, district_password)
        sign_in(reviewing, bureau, bureau_password)
        sign_in(board, commission, commission_password)
        org = entering.find_element(By.ID, "who").text
        board.get(f"{base}/board?year={year}")
        console(board)

        # The district enters two figures, one with a mistake: nothing is saved, the error sits
        # beside its input, the other input keeps what was typed.
        entering.get(f"{base}/entry?period={period}")
        org_id = entering_org(entering)
        fill(entering, ICT, "12o.5")
        fill(entering, SOFTWARE, "100", MARKUP)
        click(entering, "#submit")
        no_alert(entering, "the data-entry form")
        if not row(entering, ICT).find_elements(By.CSS_SELECTOR, ".field-error"):
            fail("the mistaken figure shows no error beside its input")
        if value_input(entering, SOFTWARE).get_attribute("value") != "100":
            fail("a correct input lost its value when the form came back with an error")
        if entering.find_element(By.NAME, f"note.{SOFTWARE}").get_attribute("value") != MARKUP:
            fail("a note written as markup is not kept as text")
        if entering.find_elements(By.ID, "saved"):
            fail("a form with a mistake says it was saved")
        console(entering, expected=422)

        fill(entering, ICT, "120.5")
        click(entering, "#submit")
        if not entering.find_elements(By.ID, "saved"):
            fail("the corrected form was not submitted")
        console(entering)

        # The other browser's board shows the submission without a reload.
        try:
            WebDriverWait(board, 10).until(
                lambda d: d.find_element(
                    By.CSS_SELECTOR, f'tr[data-org] td[data-period="{period}"][data-state="submitted"]'
                )
            )
        except TimeoutException:
            fail("the open board did not show the submission without a reload")
        console(board)

        # The bureau returns it with a comment; the district sees the comment.
        reviewing.get(f"{base}/review?period={period}")
        no_alert(reviewing, "the review queue")
        form = review_form(reviewing, org_id)
        if form is None:
            fail("the review queue has no form for the district's figures")
        else:
            if MARKUP not in form.text:
                fail("the note written as markup does not show as text in the review queue")
            form.find_element(By.NAME, "comment").send_keys("请核对：应填年初至季末累计数")
            old = reviewing.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button.return").click()
            WebDriverWait(reviewing, 10).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
            if not reviewing.find_elements(By.ID, "done"):
                fail("the return was not confirmed")
        console(reviewing)

        entering.get(f"{base}/entry?period={period}")
        if "请核对：应填年初至季末累计数" not in row(entering, ICT).text:
            fail("the district does not see the bureau's comment beside the returned figure")
        fill(entering, ICT, "121")
        click(entering, "#submit")
        console(entering)

        reviewing.get(f"{base}/review?period={period}")
        form = review_form(reviewing, org_id)
        if form is None:
            fail("the resubmitted figures are not in the review queue")
        else:
            old = reviewing.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button.approve").click()
            WebDriverWait(reviewing, 10).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
            if not reviewing.find_elements(By.ID, "done"):
                fail("the approval was not confirmed")
        console(reviewing)

        # The commission locks the district's quarter (after confirming); editing ends.
        board.get(f"{base}/board?year={year}")
        cell = f'tr[data-org="{org_id}"] td[data-period="{period}"]'
        click(board, f"{cell} button.lock", confirm=True)
        if not board.find_elements(By.CSS_SELECTOR, f'{cell}[data-state="locked"]'):
            fail("the board does not show the locked quarter")
        console(board)
        entering.get(f"{base}/entry?period={period}")
        if value_input(entering, ICT) is not None or entering.find_elements(By.ID, "submit"):
            fail("the district can still edit a locked quarter")

        # A change request for the locked figure: the commission accepts it (after confirming),
        # and the figure waits for the bureau's review again.
        change = row(entering, ICT).find_elements(By.CSS_SELECTOR, "a.change-request")
        if not change:
            fail("a locked figure offers no change request")
        else:
            old = entering.find_element(By.TAG_NAME, "html")
            change[0].click()
            WebDriverWait(entering, 10).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
            entering.find_element(By.NAME, "value").send_keys("125")
            entering.find_element(By.NAME, "reason").send_keys("统计口径调整，按局里复核数更正")
            click(entering, "#file-change")
            if not entering.find_elements(By.ID, "done"):
                fail("the change request was not filed")
            console(entering)
            board.get(f"{base}/changes?state=pending")
            click(board, "tr[data-state=pending] button.accept", confirm=True)
            if not board.find_elements(By.ID, "done"):
                fail("the change request was not accepted")
            console(board)
            reviewing.get(f"{base}/review?period={period}")
            form = review_form(reviewing, org_id)
            if form is None or "125" not in form.text:
                fail("the accepted change does not wait for the bureau's review")
            console(reviewing)

        entering.get(f"{base}/entry?period={period}")
        click(entering, "#switch-language")
        if "Data entry" not in entering.title:
            fail(f"the language switch gives the title {entering.title!r}")
        console(entering)
        print(f"workflow of {org} checked")
    except CheckCannotRun as error:
        print(f"CANNOT RUN {error}")
        return 2
    finally:
        for driver in drivers:
            driver.quit()

    if failures:
        return 1
    print(f"workflow passed at {base}")
    return 0


def entering_org(driver):
    """The org id of the district's form, as its hidden field names it."""
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, "a[href^='/figure?']")
    if not found:
        return ""
    href = found[0].get_attribute("href")
    return href.split("org=", 1)[1].split("&", 1)[0]


if __name__ == "__main__":
    sys.exit(main())
