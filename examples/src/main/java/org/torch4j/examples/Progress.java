package org.torch4j.examples;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A terminal progress bar (me.tongfei:progressbar, the Java counterpart of tqdm) under which metric lines
 * scroll, as {@code tqdm.write} does. Without a terminal (tests, pipes) only the lines are printed.
 */
public final class Progress implements AutoCloseable {
    private final PrintStream out = System.out;
    private final ScrollingConsumer consumer;
    private final ProgressBar bar;

    private Progress(String task, long steps) {
        if (System.console() == null) {
            consumer = null;
            bar = null;
        } else {
            consumer = new ScrollingConsumer(out);
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setConsumer(consumer)
                    .setUpdateIntervalMillis(100).showSpeed().build();
        }
    }

    /** {@code tqdm(total=steps, desc=task)}. */
    public static Progress of(String task, long steps) {
        return new Progress(task, steps);
    }

    /** {@code bar.update(1)}. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** {@code bar.set_postfix_str(message)}: text shown after the bar. */
    public void note(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    /** {@code tqdm.write(line)}: prints a line above the bar. */
    public void println(Object line) {
        if (consumer == null) {
            out.println(line);
        } else {
            consumer.println(String.valueOf(line));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Draws the bar on the last line and lets printed lines scroll above it. */
    private static final class ScrollingConsumer extends ConsoleProgressBarConsumer {
        private static final String CLEAR_LINE = "\r\u001b[K";
        private final PrintStream out;
        private String last = "";

        ScrollingConsumer(PrintStream out) {
            super(out);
            this.out = out;
        }

        @Override
        public synchronized void accept(String rendered) {
            last = rendered;
            out.print(CLEAR_LINE + last);
            out.flush();
        }

        synchronized void println(String line) {
            out.print(CLEAR_LINE + line + System.lineSeparator() + last);
            out.flush();
        }
    }
}
