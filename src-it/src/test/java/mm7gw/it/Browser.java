package mm7gw.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through the system chromedriver (nothing is downloaded).
 * Only loopback pages are opened.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("mm7.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("mm7.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("mm7.screenshots", "target/screenshots"));

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("mm7-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String path) {
        driver.get(Gateway.ADMIN_BASE + path);
    }

    void login(String user, String password) {
        open("/admin/");
        visible(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Logs in as the test administrator and waits until the console shows who is signed in. */
    void loginAsAdmin() {
        login(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD);
        waitForText(By.id("signed-in-user"), Gateway.ADMIN_USER);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks, retrying when an Ajax update replaced the element between finding and clicking it. */
    void click(By by) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        e.sendKeys(text);
    }

    void waitForText(By by, String text) {
        wait.until(d -> {
            try {
                return ExpectedConditions.textToBePresentInElementLocated(by, text).apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page's AJAX update replaced the element between finding and reading it: ChromeDriver reports
                // that as "Node with given id does not belong to the document" rather than as a stale element
                // (seen once on the growl in ConsoleIT); read it again, until the wait's timeout as for any other
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Scrolls the page so that the element is at the top of the window (for a screenshot of a lower panel). */
    void scrollTo(By by) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                visible(by));
    }

    /**
     * Answers the page's confirmation dialog with its button (e.g. "vasp:confirm-yes") once the dialog has faded in
     * and stopped moving, so that the click lands on the button.
     */
    void confirm(String buttonId) {
        awaitConfirmation(buttonId);
        click(By.id(buttonId));
    }

    /** Waits until the confirmation dialog with that button has faded in and stopped moving. */
    void awaitConfirmation(String buttonId) {
        visible(By.id(buttonId));
        wait.until(d -> "1".equals(d.findElement(By.cssSelector(".ui-confirm-dialog")).getCssValue("opacity")));
        org.openqa.selenium.Point[] last = {null};
        wait.until(d -> {
            org.openqa.selenium.Point now = d.findElement(By.id(buttonId)).getLocation();
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
    }

    /** Removes the growl notifications from the page (so that a screenshot shows what is under them). */
    void dismissNotifications() {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('.ui-growl-item-container').forEach(function (e) { e.remove(); })");
    }

    /** Picks an item of a PrimeFaces selectOneMenu by its label. */
    void select(String menuId, String label) {
        click(By.id(menuId));
        click(By.xpath("//ul[@id='" + menuId + "_items']/li[@data-label='" + label + "']"));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
