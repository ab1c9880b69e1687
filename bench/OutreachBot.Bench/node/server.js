// The baseline: @line/bot-sdk's middleware verifies x-line-signature and parses the body; nothing is stored.
const express = require('express');
const { middleware } = require('@line/bot-sdk');

const app = express();
app.post('/webhook/line', middleware({ channelSecret: process.env.CHANNEL_SECRET }), (req, res) => res.sendStatus(200));
app.get('/healthz', (req, res) => res.send('ok'));
app.listen(Number(process.env.PORT), '127.0.0.1');
