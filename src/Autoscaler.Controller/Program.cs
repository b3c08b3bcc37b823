using Autoscaler.Controller.Hosting;

return await ControllerCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
