package org.perfgate.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.perfgate.demo.DemoService;
import org.perfgate.model.Plan;
import org.perfgate.plan.PlanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate demo}: starts the built-in demo service on a free loopback port, runs the bundled
 * sample plan against it, prints the summary and writes the JSON result.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled sample plan against the built-in demo service (about 20 s).")
final class DemoCommand implements Callable<Integer> {
  static final String PLAN_SOURCE = "<builtin>/demo-plan.yaml";

  @ParentCommand PerfgateCommand parent;
  @Spec CommandSpec spec;
  @Mixin RunOptions options;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--print-plan", description = "Print the sample plan and exit (a starting point for your own).")
  boolean printPlan;

  @Option(names = "--serve", description = "Only start the demo service and keep it running (Ctrl-C stops it): a target for the plans in examples/.")
  boolean serve;

  @Option(names = "--port", defaultValue = "0", description = "Port of the demo service (0: a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--result", paramLabel = "FILE", defaultValue = ".perfgate/reports/demo-result.json",
      description = "Where the JSON result goes unless --out json= is given. Default: ${DEFAULT-VALUE}.")
  Path result;

  @Override
  public Integer call() throws InterruptedException {
    if (printPlan) {
      spec.commandLine().getOut().print(DemoService.samplePlan());
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
    try (DemoService service = DemoService.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      if (serve) {
        spec.commandLine().getOut().println("perfgate: demo service listening on " + service.baseUri()
            + " (Ctrl-C stops it)");
        spec.commandLine().getOut().flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until the JVM is interrupted
      }
      Map<String, String> env = options.mergedEnv(parent.env());
      env.put("BASE_URL", service.baseUri().toString());
      spec.commandLine().getErr().println("perfgate: demo service listening on " + service.baseUri());
      Plan plan = PlanLoader.parse(DemoService.samplePlan(), PLAN_SOURCE, env);
      Workspace workspace = options.noStore ? null : Workspace.load(storeOptions, env).withLabels(options.labelMap());
      return new PlanRunner(options, spec.commandLine().getOut(), spec.commandLine().getErr())
          .run(plan, DemoService.samplePlan(), env, result, workspace)
          .code();
    }
  }
}
