package org.perfgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.PerfgateException;
import org.perfgate.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code perfgate export} and {@code perfgate import}: move history between stores as JSON lines. */
final class TransferCommands {
  private TransferCommands() {}

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every stored run as JSON lines (to FILE, or standard output).")
  static final class Export implements Callable<Integer> {
    @ParentCommand PerfgateCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write; default: standard output.")
    Path file;

    @Override
    public Integer call() {
      try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore()) {
        if (file == null) {
          store.exportTo(System.out);
          System.out.flush();
        } else {
          try (OutputStream out = Files.newOutputStream(file)) {
            store.exportTo(out);
          } catch (IOException e) {
            throw new PerfgateException("cannot write " + file + ": " + e.getMessage(), e);
          }
          spec.commandLine().getErr().println("perfgate: exported " + store.describe() + " to " + file);
        }
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Read runs from a file written by 'perfgate export'; runs already present are skipped.")
  static final class Import implements Callable<Integer> {
    @ParentCommand PerfgateCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      try (RunStore store = Workspace.load(storeOptions, parent.env()).openStore();
          InputStream in = Files.newInputStream(file)) {
        int imported = store.importFrom(in);
        spec.commandLine().getOut().println("imported " + imported + " run(s) into " + store.describe());
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("import file not found: " + file);
      } catch (IOException e) {
        throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
      }
      return ExitCode.OK.code();
    }
  }
}
