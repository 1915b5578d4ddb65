#!/usr/bin/python3
"""Signs in to a running `zhibiao serve` in headless Chromium, as a user would.

    check_sign_in.py BASE_URL NAME PASSWORD

The check fails when:

- a wrong password does not answer "用户名或密码不正确" on the sign-in page;
- a name written as markup runs as script (an alert opens) instead of showing as text;
- the right password does not reach the home page naming the account;
- the session cookie is not `__Host-zhibiao`, HttpOnly, Secure and SameSite=Strict;
- signing out does not lead back to the sign-in page, or the home page still opens after it;
- `?lang=en` does not give the English sign-in page;
- the browser logs a console warning or error on any page (a blocked script or style included).

Exit status: 0 when everything passes, 1 when a check fails, 2 when the check could not run.
"""

import sys

from check_report import CHROMEDRIVER, CHROMIUM, CheckCannotRun, start_browser


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    base, name, password = argv
    try:
        driver = start_browser(1280, CHROMIUM, CHROMEDRIVER)
    except CheckCannotRun as error:
        print(f"CANNOT RUN {error}")
        return 2
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    failures = []

    def fail(message):
        failures.append(message)
        print(f"FAIL {message}")

    def console():
        for entry in driver.get_log("browser"):
            if entry["level"] in ("WARNING", "SEVERE"):
                fail(f"console {entry['level']} on {driver.current_url}: {entry['message']}")

    def submit(selector):
        """Clicks a form's button and waits until the answer has replaced the page."""
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, selector).click()
        try:
            WebDriverWait(driver, 10).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
        except TimeoutException:
            fail(f"the form of {selector} got no answer")

    def sign_in(user, secret):
        driver.get(f"{base}/login")
        driver.find_element(By.NAME, "name").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(secret)
        submit("button[type=submit]")

    try:
        sign_in(name, "not-the-password")
        if "用户名或密码不正确" not in driver.page_source:
            fail("a wrong password is not answered on the sign-in page")
        console()

        markup = "<img src=x onerror=alert(1)>"
        sign_in(markup, "not-the-password")
        try:
            driver.switch_to.alert.accept()
            fail("a name written as markup ran as script")
        except NoAlertPresentException:
            pass
        if driver.find_element(By.NAME, "name").get_attribute("value") != markup:
            fail("a name written as markup is not kept as text in the form")
        console()

        sign_in(name, password)
        if not driver.current_url.rstrip("/").endswith(base.split("//", 1)[1].rstrip("/")):
            fail(f"the right password leads to {driver.current_url}, not the home page")
        who = driver.find_elements(By.ID, "who")
        if not who or name not in who[0].text:
            fail("the home page does not name the account signed in")
        cookies = {cookie["name"]: cookie for cookie in driver.get_cookies()}
        cookie = cookies.get("__Host-zhibiao")
        if cookie is None:
            fail(f"no __Host-zhibiao cookie; the browser has {sorted(cookies)}")
        elif not (cookie.get("httpOnly") and cookie.get("secure") and cookie.get("sameSite") == "Strict"):
            fail(f"the session cookie's flags are {cookie}")
        console()

        submit("form[action='/logout'] button")
        if not driver.current_url.endswith("/login"):
            fail(f"signing out leads to {driver.current_url}")
        driver.get(f"{base}/")
        if not driver.current_url.endswith("/login"):
            fail("the home page still opens after signing out")
        console()

        driver.get(f"{base}/login?lang=en")
        if "Sign in" not in driver.title:
            fail(f"?lang=en gives the title {driver.title!r}")
        console()
    finally:
        driver.quit()

    if failures:
        return 1
    print(f"sign-in passed at {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
