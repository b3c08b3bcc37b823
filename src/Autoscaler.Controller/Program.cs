using System.CommandLine;
using Autoscaler.Controller.Hosting;

var command = ControllerCommand.Create();
return await command.Parse(args).InvokeAsync().ConfigureAwait(false);
