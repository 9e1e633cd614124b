package org.itlgateway.gateway.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through its driver (Debian's {@code chromium} and {@code chromium-driver}), for the
 * console's browser tests. Without them the tests are skipped with a message saying what to install, unless
 * {@code ITL_BROWSER_REQUIRED} is set (as CI sets it): then they fail.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots of the pages are written, for people to look at. */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Chromium() {
    }

    /** A headless browser, or the test skipped (failed when a browser is required) when there is none. */
    public static WebDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = "the console's browser tests need " + BROWSER + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)";
            String required = System.getenv("ITL_BROWSER_REQUIRED");
            if (required != null && !required.isBlank()) {
                fail(missing + "; ITL_BROWSER_REQUIRED is set, so they may not be skipped");
            }
            Assumptions.abort(missing + "; skipped (set ITL_BROWSER_REQUIRED to make this a failure)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--user-data-dir=" + profileDirectory());
        return new ChromeDriver(service, options);
    }

    /** Writes the whole page the browser shows, below the fold too, to {@code target/console-screenshots/<name>.png}. */
    public static void screenshot(WebDriver browser, String name) {
        // a page just navigated to may not be laid out yet (a capture then fails with "0 width")
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(page -> Boolean.TRUE.equals(
                ((JavascriptExecutor) page).executeScript("return document.readyState === 'complete'"
                        + " && document.documentElement.scrollWidth > 0 && document.documentElement.scrollHeight > 0")));
        byte[] png;
        if (browser instanceof ChromeDriver chrome) {
            Object data = chrome.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true)).get("data");
            png = Base64.getDecoder().decode((String) data);
        } else {
            png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File profileDirectory() {
        try {
            return Files.createTempDirectory("console-chromium").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
