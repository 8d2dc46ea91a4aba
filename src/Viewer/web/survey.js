// Survey dashboard: filled in by survey.js when the server has a survey.
