"""Communication analysis: the taxonomy of communication problems, dialogue transcripts, and scorers for a
trainee's coding of a dialogue and rewrite of a problem utterance."""
