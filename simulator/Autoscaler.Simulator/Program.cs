using Autoscaler.Simulator.Cli;

return VerbDispatcher.Run(args, Console.Out, Console.Error);
