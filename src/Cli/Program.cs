using System.Text;

Console.OutputEncoding = new UTF8Encoding(false);
return Boundaries.Cli.BoundariesApp.Run(args);
